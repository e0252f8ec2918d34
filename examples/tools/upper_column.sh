#!/bin/bash
# Upper-cases one text column: an augc `command` method with `io = stdio`. augc writes the rows on
# stdin, one JSON object a line, and reads as many lines from stdout, in the same order; a line
# needs only the text columns, so this one passes each object through with one value changed.
# Usage: upper_column.sh COLUMN. Only bash and awk: see docs/methods.md.
set -euo pipefail
column=${1:?usage: upper_column.sh COLUMN}

# The value starts after `"COLUMN":"` and ends at the first quote that is not escaped. Escapes
# (\" \\ \n \u00e9 ...) are copied as they are: upper-casing \n would make it \N, not JSON.
exec awk -v key="\"$column\":\"" '
{
  at = index($0, key)
  if (at == 0) { print "upper_column.sh: line " NR " has no string `" key "`" > "/dev/stderr"; exit 65 }
  head = substr($0, 1, at + length(key) - 1)
  rest = substr($0, at + length(key))
  value = ""
  i = 1
  while (i <= length(rest)) {
    c = substr(rest, i, 1)
    if (c == "\"") break
    if (c == "\\") {
      step = substr(rest, i + 1, 1) == "u" ? 6 : 2
      value = value substr(rest, i, step)
      i += step
      continue
    }
    value = value toupper(c)
    i++
  }
  print head value substr(rest, i)
  fflush()
}'
