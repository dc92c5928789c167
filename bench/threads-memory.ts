// The engine's peak resident memory for a short numerical MNIST run at N threads (argv[2]), as
// the engine process trains it (src/services/engine-process/serve.ts): MNIST loaded, the run's
// compute from computeFor, three iterations with an evaluation after each. Prints {maxRssMb, rssMb}:
// the peak (loading MNIST dominates it) and the resident size after the run, its threads still up.
import { createTrainer } from '../src/engine'
import { notebook } from '../src/shared/kinds'
import { loadMnist } from '../src/services/mnist'
import { computeFor } from '../src/services/threads'

const config = { ...notebook.mnist, iterations: 3, threads: Number(process.argv[2]) }
const data = loadMnist()
const threads = computeFor(config, data)
const trainer = createTrainer(config, data, threads.compute)
while (trainer.step()) void 0
const rssMb = process.memoryUsage().rss / 2 ** 20
void threads.close().then(() => console.log(JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024, rssMb })))
