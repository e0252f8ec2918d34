pipeline "units" {
  input "data.csv" { text = ["text"] }
  method syn = wordnet_synonym(aug_p = 0.1)
  resources { cpus = 2  memory = 2048  walltime = 2GiB }
  output "out" { format = jsonl }
}
