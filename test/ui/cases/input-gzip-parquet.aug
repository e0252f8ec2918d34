// Only CSV and JSONL inputs may be gzip-compressed: Parquet is read by byte ranges.
pipeline "gzip-parquet" {
  input "data.parquet.gz" { text = ["text"] }
  method syn = wordnet_synonym(aug_p = 0.1)
  output "out" { format = jsonl }
}
