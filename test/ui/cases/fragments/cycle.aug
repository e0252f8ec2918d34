// Includes its includer back: a cycle, reported by include-cycle.aug.
include "../include-cycle.aug"
