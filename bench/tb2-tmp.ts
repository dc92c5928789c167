import { loadMnist } from '../src/services/mnist'
import { benchThreads, formatThreads } from '../bench/threads'
console.log(formatThreads(benchThreads(loadMnist())))
