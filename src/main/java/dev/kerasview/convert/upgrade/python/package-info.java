/**
 * Reads the Python function a Keras Lambda layer stores as marshalled CPython bytecode: the marshal format
 * of CPython 2.7 and 3.0-3.13, the bytecode of each version, and a symbolic run of that bytecode that yields
 * the expression the function computes. Nothing here runs Python; bytes in, an expression tree out.
 */
package dev.kerasview.convert.upgrade.python;
