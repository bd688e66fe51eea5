export * from './common';
export * from './model';
