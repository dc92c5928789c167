// The functions gradient descent walks on: f(x0, x1) of two variables, however it was written
// (the book's function_2 or an expression, both compiled by ../expr), so the trainer never knows.

/** A function of two variables, reading x[0] and x[1]. */
export type Objective2 = (x: ArrayLike<number>) => number
