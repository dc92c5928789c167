// The functions gradient descent walks on: f(x0, x1) of two variables. The book's function_2 is
// built in; other objectives (expressions) come from outside the engine through the same shape,
// so the trainer never knows how f was written.

/** A function of two variables, reading x[0] and x[1]. */
export type Objective2 = (x: ArrayLike<number>) => number

/** The book's function_2 (chapter 4.4): x0² + x1². */
export const function2: Objective2 = (x) => x[0] ** 2 + x[1] ** 2

/** The objectives the engine knows by name; an expression is resolved by the caller. */
export const namedObjectives: Readonly<Record<string, Objective2>> = { function_2: function2 }
