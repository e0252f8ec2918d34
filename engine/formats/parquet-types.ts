/**
 * The column types a Parquet input declares, in the writer's terms (parquet-writer.ts), so that a
 * Parquet output writes each input column back with its own type: the chunk files in between are
 * JSONL, where an INT64 and a DOUBLE are both a JSON number. Only flat columns whose values come
 * back unchanged are mapped: BOOLEAN, INT32 and INT64 (signed, with no annotation or an INT_n
 * one), FLOAT, DOUBLE and UTF8 strings. Anything else (dates, timestamps, decimals, unsigned
 * integers, raw bytes, nested columns) reaches the chunks as a string or a number (see
 * `toCell`) and is left to inference, as for CSV and JSONL inputs.
 */
import type { SchemaElement } from 'hyparquet';
import type { ColumnType } from './parquet-writer.js';

const SIGNED_INTS = new Set(['INT_8', 'INT_16', 'INT_32', 'INT_64']);

/** A signed integer with no other meaning (not a date, a time, a decimal or unsigned). */
function plainInteger(el: SchemaElement): boolean {
  const logical = el.logical_type;
  if (logical !== undefined) return logical.type === 'INTEGER' && logical.isSigned;
  return el.converted_type === undefined || SIGNED_INTS.has(el.converted_type);
}

function isString(el: SchemaElement): boolean {
  return el.converted_type === 'UTF8' || el.logical_type?.type === 'STRING';
}

/** The writer's type for one top-level schema element, when its values round-trip exactly. */
export function columnTypeOf(el: SchemaElement): ColumnType | undefined {
  if ((el.num_children ?? 0) > 0 || el.repetition_type === 'REPEATED') return undefined;
  switch (el.type) {
    case 'BOOLEAN':
      return 'boolean';
    case 'INT32':
      return plainInteger(el) ? 'int32' : undefined;
    case 'INT64':
      return plainInteger(el) ? 'integer' : undefined;
    case 'FLOAT':
      return el.logical_type === undefined ? 'float' : undefined;
    case 'DOUBLE':
      return 'number';
    case 'BYTE_ARRAY':
      return isString(el) ? 'string' : undefined;
    default:
      return undefined;
  }
}

/** The mapped types of the top-level columns, by name. */
export function parquetColumnTypes(columns: readonly SchemaElement[]): Record<string, ColumnType> {
  const out: Record<string, ColumnType> = {};
  for (const el of columns) {
    const type = columnTypeOf(el);
    if (type !== undefined) out[el.name] = type;
  }
  return out;
}
