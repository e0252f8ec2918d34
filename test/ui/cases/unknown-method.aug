pipeline "unknown-method" {
  input "data.csv" { text = ["text"] }
  method syn = wordnet_synonm(aug_p = 0.1)
  output "out" { format = jsonl }
}
