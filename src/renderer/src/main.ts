import 'katex/dist/katex.min.css'
import './lib/styles/fonts.css'
import './lib/styles/app.css'
import { mount } from 'svelte'
import App from './App.svelte'
import { getApi } from './lib/transport'

const target = document.getElementById('app')
if (!target) throw new Error('index.html has no #app element')

export default mount(App, { target, props: { api: getApi() } })
