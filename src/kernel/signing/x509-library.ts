/**
 * @peculiar/x509, loaded after the `reflect-metadata` polyfill its dependency injection
 * needs. Import it from here only: ES modules evaluate their imports in order, so the
 * polyfill is in place whichever module asks first.
 */
import 'reflect-metadata';

export * as x509 from '@peculiar/x509';
