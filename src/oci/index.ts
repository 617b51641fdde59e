// src/oci: daemonless, reproducible image building blocks (tar -> layer -> image -> layout / archive).
export * from './types.js';
export * from './digest.js';
export * from './tar.js';
export * from './layer.js';
export * from './image.js';
export * from './layout.js';
export * from './archive.js';
