// The notebook's words in English.
import type { NotebookText } from './text'
import { duration } from './duration'
import { chapter4Text } from './text-chapter4'
import { isLive } from '../../shared/status'

const kindName = { loss: 'loss functions (4.2)', derivative: 'numerical differentiation (4.3)', gradient: 'gradient (4.4)', descent: 'gradient descent (4.4.1)', simplenet: 'SimpleNet (4.4.2)', gate: 'logic gate (4.5.1)', xor2: 'two-layer XOR (4.5.2)', mnist: 'MNIST two-layer net (4.5.3)', playground: 'playground' }
const time = (m: number): string => duration(m, { underOne: 'under a minute', minutes: 'about {n} minutes', hours: 'about {n} hours' })

export const en: NotebookText = {
  lang: 'en',
  chapter4: chapter4Text.en,
  title: (name, id, kind) => `# ${name}\n\nRun ${id} of Gradient Lab, a ${kindName[kind]} run, rebuilt in numpy.`,
  intro: (steps) =>
    `This notebook trains the same network again, with the same seed, random draws, learning rate and loop as the lab, ` +
    `written the way chapter 4 writes it. At the end it compares what it computed with the values the lab stored ` +
    `(the loss at each of the ${steps} logged steps, and more where the lab kept it) and prints, as its last line, ` +
    `\`max relative difference: X over N logged steps\`.\n\n` +
    `It needs only Python 3 and numpy. Run the cells from top to bottom (Jupyter's *Run All*, or any runner that executes the code cells in order).`,
  status: (status, last, total) =>
    status === 'done'
      ? ''
      : isLive(status)
        ? `*This run was still training when it was exported: the notebook stops where its stored steps end (step ${last} of ${total}).*`
        : `*This run ended early (${status}) after step ${last} of ${total}; the notebook stops there too.*`,
  config:
    `## 1. The run's configuration\n\nCopied from the lab when the notebook was exported. ` +
    `The training below stops at \`run_until\`: the configured length for a finished run, else the last step the lab stored.`,
  stored: (steps, float32) =>
    `## 5. What the lab stored\n\nThe step numbers and losses of the ${steps} logged steps, as the lab saved them` +
    (float32
      ? `, the accuracies it measured, and the final weights. The lab keeps MNIST weights in float32 (to keep its database small), so they are compared to float32 precision.`
      : `, and the final values the lab kept. Every number is written with all its digits, so Python reads back exactly the lab's float64 value.`),
  compare:
    `## 6. Comparison\n\nFor each step's loss (and each accuracy) the relative difference is |ours − lab| / |lab|; for a weight ` +
    `array it is the largest |ours − lab| divided by the largest |value| in the array at the start or at the end (a weight ` +
    `that ends near zero, as a neuron that cannot learn XOR does, has no useful relative error of its own). The last line reports the largest of them all. ` +
    `Runs that stay in the exact range agree to within 1e-9; the differences left are rounding (numpy sums in a different order than the lab).`,
  comment: {
    editedW: 'W as edited in the lab, replacing randn(2,3)',
    stepZero: 'step 0: the loss before any update',
    endedEarly: (step) => `the stored run ends at step ${step}`,
    gateBackprop: 'dL/dA = 0.5 * (y - t) for a sigmoid output and cross_entropy_error_for_bin',
    schedule: '(learning rate, epochs): training continues from one to the next',
    xorBroadcast: '(4,1) + (2,) broadcasts to (4,2): both hidden units see the same weighted sum',
    xorShared: 'W1 reaches both hidden units through that shared sum',
    idxNames: 'raw or .gz, named train-images-idx3-ubyte or train-images.idx3-ubyte',
    chunks: 'x·W1 10,000 images at a time: numpy would otherwise make a float64 copy of all of x',
    wholeSoftmax: "the chapter's softmax over the whole matrix, as predict() does",
    rowSoftmax: 'the row-wise softmax keeps the order, so argmax is taken on A2',
    textbookBackprop: 'the exact derivative of 0.5*sum(-t log y - (1-t) log(1-y)) with y = exp(A2) / sum(exp(A2)) over the whole batch',
    standardBackprop: 'the exact derivative of -sum(t log(y + 1e-7)) / B, the 1e-7 included',
    twolayernetBackprop: "Softmax-with-Loss's backward (y - t) / B: the 1e-7's factor y_t / (y_t + 1e-7) is left out",
    textbookChange: 'loss change for each nudge: exp(A2) moves by de, its sum S by dS, y = e/S by dy',
    standardChange: "loss change for each nudge, row by row: each row's softmax moves by dy",
    hiddenChange: 'sigmoid(a + d) - sigmoid(a), computed without cancellation',
    saturated: 'where exp(-a) overflows, sigmoid is 0 on both sides, as numpy computes it',
    zeroPixels: 'a pixel that is 0 in the whole batch has gradient exactly 0',
    memory: 'pixels per block, to keep the arrays small',
    checkBatch: 'the first images, so the global random state is not touched',
    brightest: 'the pixel with the most ink in this batch: its first three weights',
    lossAfter: 'as the chapter: the batch loss after the update',
    lossBefore: 'the batch loss where the gradient was taken, before the update',
    customPoints: "the run's own points (placed by hand or read from a CSV): x1, x2 and the label of each",
    edits: 'weights set by hand in the lab (a branch): (after epoch, parameter, row, column, value); epoch 0 is before the first',
    diverges: "a learning rate that is too large sends x to huge values: numpy's warnings about them are silenced"
  },
  label: {
    loss: 'loss at each logged step',
    trainAcc: 'train accuracy',
    testAcc: 'test accuracy',
    testLoss: 'test loss',
    finalParam: (name) => `${name} at the last step`,
    output: (name) => `${name} at the end`
  },
  missingMnist:
    'MNIST file {name} (or {name}.gz) is not in {folder}. Put the four IDX files there, or set MNIST_DIR to the folder that holds them.',
  simplenet: {
    functions:
      `## 2. The chapter's functions\n\nSection 4.4.2's \`softmax\` (shifted by the largest value) and \`cross_entropy_error\` ` +
      `with \`delta\` inside the log (the notebook's 1e-4, or the book's 1e-7 from its \`common/functions.py\`), and ` +
      `\`numerical_gradient\`: central differences, each weight nudged in place by ±h.`,
    model: `## 3. SimpleNet\n\nOne 2×3 weight matrix drawn with \`np.random.seed(seed); np.random.randn(2, 3)\`; p = x·W, then softmax and the loss.`,
    training:
      `## 4. Gradient and descent\n\nThe loss at the start is step 0. Each further step updates \`W -= lr * dW\` with the numerical gradient ` +
      `and logs the loss; at the end the gradient dW is taken once more.`
  },
  table: {
    functions:
      `## 2. The chapter's functions\n\n\`sigmoid\`, the loss for 0/1 targets \`cross_entropy_error_for_bin\` ` +
      `(half the usual binary cross-entropy, as the chapter writes it), and \`differential\`: central differences, ` +
      `each parameter nudged in place by ±h. \`X\` holds the four input rows of the truth table.`,
    training:
      `## 4. Training\n\nEach epoch takes all gradients first, then updates every parameter, then computes the loss ` +
      `on the four rows: the loss of that epoch. \`train_loss_list[i]\` is the loss after epoch i + 1.`
  },
  gate: {
    model: (backprop) =>
      `## 3. The neuron\n\ny = sigmoid(X·w + b), with \`np.random.seed(seed)\`, then \`weights = randn(2)\` and \`bias = rand(1)\`, in that order. ` +
      (backprop
        ? `This run used **backpropagation**: the gradient is the exact derivative, dL/dw = Xᵀ·0.5(y − t).`
        : `The gradient is numerical, as in the chapter.`)
  },
  playground: {
    functions:
      `## 2. The data and the network's pieces\n\nEach generator draws its points from numpy's global generator in a fixed order (whole arrays at a time), ` +
      `then adds the noise; the same seed gives the lab's points. The features are computed from x1 and x2; ` +
      `the activation functions and their derivatives are written with the layer's output, as the chapter's backward layers keep it.`,
    model: (custom) =>
      `## 3. The network\n\n` +
      (custom ? `The data set is the run's own points, written out below; ` : `The data set is drawn again from the seed; `) +
      `a random permutation then splits it into training and test data, and the weights are drawn layer by layer (the biases start at 0). ` +
      `The output is a sigmoid for two classes, a softmax for more; the loss is averaged over the examples, ` +
      `and the gradient is backpropagation through exactly these steps, or the chapter's central difference of the same loss.`,
    training:
      `## 4. Training\n\nEach epoch visits the training data in a fresh random order (when the mini-batch is smaller than the set) and ` +
      `takes one gradient-descent step per mini-batch; then the loss and accuracy of the training and test data are measured.`
  },
  xor2: {
    model: (backprop) =>
      `## 3. The two-layer network\n\nThe chapter's XOR net, quirks included: W1 has two weights, so X·W1 is one column that both ` +
      `hidden units share, and they differ only in their bias. Draw order: W1 = randn(2), b1 = rand(2), W2 = randn(2), b2 = rand(1). ` +
      (backprop ? `This run used **backpropagation** for the gradient.` : `The gradient is numerical, as in the chapter.`),
    training:
      `## 4. Training through the schedule\n\nOne learning rate per epoch, segment after segment of the schedule; the network ` +
      `keeps training from where the previous segment stopped. Each epoch: all gradients, then all updates, then the loss.`
  },
  descent: {
    functions:
      `## 2. The chapter's functions\n\n\`numerical_gradient\`: central differences, each coordinate of x nudged in place by ±h ` +
      `and put back, and the function f(x0, x1) the run descended.`,
    model:
      `## 3. Gradient descent\n\nSection 4.4.1's \`gradient_descent\`: from \`init_x\`, \`step_num\` times x ← x − lr·∇f(x), ` +
      `keeping the point before each update in \`x_history\`. It changes the array it is given, so it gets a copy of \`init_x\`.`,
    training:
      `## 4. The descent\n\n\`path[k]\` is the point after k updates: \`path[0]\` is the start (the lab's step 0), ` +
      `\`path[-1]\` the x that gradient_descent returns.`,
    pointLabel: 'x at each logged step'
  },
  mnist: {
    data:
      `## MNIST\n\nThe four IDX files (raw or \`.gz\`) are read from the folder named by the environment variable \`MNIST_DIR\`, ` +
      `else from \`./mnist\` next to this notebook. Pixels become float32 \`pixel / 255\`, exactly as \`load_mnist(normalize=True)\` ` +
      `gives them and as the lab reads them.`,
    timing: (numpy, lab, naive) =>
      `### How long this takes\n\nThe chapter's \`numerical_gradient\` nudges one of the ~50,000 parameters at a time and runs the ` +
      `whole network twice for each: about 30 s per iteration at hidden 64, batch 100 — ${time(naive)} for this run. ` +
      `This notebook computes the same central differences many parameters at a time, from the change each nudge makes to the ` +
      `outputs, so the loss change is not lost in the rounding of two large losses: **${time(numpy)}** for this run on a 2-core ` +
      `machine (about 3 s per iteration at hidden 64). The lab's engine takes ${time(lab)}. A check below compares the two methods on three weights.`,
    functions: (formulation) =>
      `## 2. The chapter's functions\n\n` +
      {
        textbook: `The **textbook** formulation, exactly as the chapter's notebook: \`softmax\` over the whole batch matrix (no shift, one sum), and the loss \`cross_entropy_error_for_bin\`.`,
        standard: `The **standard** formulation: a stable softmax of each row, and the mean cross-entropy \`cross_entropy_error_for_batch\` (delta 1e-7).`,
        twolayernet:
          `The **twolayernet** formulation, the book's \`TwoLayerNet\` of chapter 5: a stable softmax of each row and the mean cross-entropy ` +
          `\`cross_entropy_error_for_batch\` (delta 1e-7), the same as the standard formulation's. It differs from standard in two ` +
          `conventions: its backpropagation gradient, and when the loss is logged (both below).`
      }[formulation],
    model: (formulation, gradient) =>
      `## 3. The two-layer net\n\n784 → hidden (sigmoid) → 10 (softmax, ${formulation}). Weights: \`np.random.seed(seed)\`, then ` +
      `\`0.01 * randn(784, hidden)\` and \`0.01 * randn(hidden, 10)\`; biases zero. ` +
      (gradient === 'numerical'
        ? `The gradient is **numerical** (central differences with h), computed many parameters at a time; the last lines check it against the chapter's \`numerical_gradient\`.` +
          (formulation === 'twolayernet' ? ` It is the derivative of the loss itself, so here it is the same gradient as the standard formulation's.` : '')
        : formulation === 'twolayernet'
          ? `The gradient is **backpropagation** as \`TwoLayerNet.gradient\` computes it: at the output, the backward pass of Softmax-with-Loss ` +
            `(section 5.6.3), \`dA2 = (y − t) / B\`. That is not quite the derivative of the loss above: because of the 1e-7 inside the log, ` +
            `the exact derivative multiplies each row by \`y_t / (y_t + 1e-7)\`, a factor the book leaves out. The two gradients differ by at most 1e-7 / y_t relatively, ` +
            `but over many iterations the weights of a twolayernet run and of a standard run drift slightly apart.`
          : `The gradient is **backpropagation**, the exact derivative of this formulation's loss.`),
    training: (formulation) =>
      `## 4. Training\n\nEach iteration draws a batch with \`np.random.choice(train_size, batch_size)\` from the same random state ` +
      `that drew the weights, takes the gradient, and updates every parameter. ` +
      {
        textbook: `The logged loss is the batch loss after the update, as in the chapter's loop.`,
        standard: `The logged loss is the batch loss at the parameters the gradient was taken at (what training libraries report).`,
        twolayernet:
          `The logged loss is the batch loss after the update, as the book's training loop appends it to \`train_loss_list\`: ` +
          `one more forward pass per iteration, and a loss one update ahead of the standard formulation's.`
      }[formulation] +
      ` Train and test accuracy are measured every \`eval_every\` iterations (with \`eval_schedule = 'book'\`, as the book's ` +
      `\`train_neuralnet.py\`: after iteration 1 and then every \`max(train_size / batch_size, 1)\` iterations) and after the last one.`,
    chaos:
      `**Rounding chaos.** A long textbook run amplifies rounding: two correct programs that add the same numbers in a different ` +
      `order (numpy's BLAS and the lab's engine, or two numpy builds) drift apart. For the chapter's own run (hidden 64, 100 iterations) ` +
      `this notebook and the lab agree to about 1e-15 up to iteration 30, then the gap grows: about 1e-12 by iteration 35, 1e-10 by 50, ` +
      `1e-9 by 75 and 1e-6 by 98, where a train accuracy differs by an image or two (a relative 3e-5). With the chapter's element-by-element ` +
      `numerical_gradient, whose rounding is far larger, the gap passes 1e-10 by iteration 25 and reaches about 1e-2 by iteration 98. ` +
      `So for this run the comparison reports what it finds; a large number here is not a bug in either program. ` +
      `The 1e-9 bound holds for runs that stay in the exact range (short runs, and the standard formulation).`,
    rounding: `numpy's matrix products (BLAS) add in another order than the lab's engine, so the two agree to rounding (about 1e-12 or better), not bit for bit.`
  }
}
