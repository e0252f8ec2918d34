import "fragments/bad-methods.yaml"
pipeline "yaml" {
  input "data.csv" { text = ["text"] }
  output "out" { format = jsonl }
}
