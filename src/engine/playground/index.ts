// The playground's public face: data, network, trainer, and the maps the lesson draws.
export * from './config'
export * from './dataset'
export * from './features'
export * from './network'
export * from './model'
export * from './objective'
export * from './trainer'
