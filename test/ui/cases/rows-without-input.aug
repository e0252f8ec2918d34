// Rows chunking needs the row count of an input that does not exist.
pipeline "rows" {
  input "missing.csv" { text = ["text"] }
  method syn = wordnet_synonym(aug_p = 0.1)
  chunk { rows = 1_000 }
  output "out" { format = jsonl }
}
