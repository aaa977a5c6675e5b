package dev.kerasview.convert.upgrade.python;

/**
 * One decoded instruction.
 *
 * @param offset   its byte offset in co_code
 * @param opcode   the raw opcode number
 * @param op       what it does
 * @param arg      its argument, EXTENDED_ARG prefixes applied
 * @param operator the operator of a BINARY/UNARY instruction, else null
 */
record Instruction(int offset, int opcode, Op op, int arg, Operator operator) {
}
