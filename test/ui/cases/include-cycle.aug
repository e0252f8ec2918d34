include "fragments/cycle.aug"
pipeline "cycle" {
  input "data.csv" { text = ["text"] }
  method syn = wordnet_synonym(aug_p = 0.1)
  output "out" { format = jsonl }
}
