package main

import (
	"testing"

	"github.com/spf13/pflag"
)

// Covers --experimental-flow-control and --prefix-aware-routing in both states.
func TestExperimentalFlagsBothStates(t *testing.T) {
	for _, args := range [][]string{
		{"--experimental-flow-control=true", "--prefix-aware-routing=true"},
		{"--experimental-flow-control=false", "--prefix-aware-routing=false"},
	} {
		fs := pflag.NewFlagSet("epp", pflag.ContinueOnError)
		NewOptions().AddFlags(fs)
		if err := fs.Parse(args); err != nil {
			t.Fatal(err)
		}
	}
}
