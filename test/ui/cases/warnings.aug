// Warnings only: the plan is still built.
pipeline "warnings" {
  input "data.csv" { text = ["text"]  label = "label" }
  method syn = wordnet_synonym(aug_p = 0.1)
  method ant = wordnet_antonym(aug_p = 0.1)
  combos { up_to = 1  exclude = [syn + ant] }
  output "gs://bucket/augsets" { format = jsonl }
}
