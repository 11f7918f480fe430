// Example: the experimental-flags rules on a pflag command (see docs/rules/flags-*.md).
package main

import (
	"github.com/spf13/pflag"
)

type Options struct {
	// DecodeChunkSize splits decode into chunks. Experimental.
	DecodeChunkSize int
	PrefixAwareRouting bool
	ExperimentalFlowControl bool
}

func NewOptions() *Options {
	return &Options{DecodeChunkSize: 0}
}

func (o *Options) AddFlags(fs *pflag.FlagSet) {
	// flags/experimental-name: the help text says experimental, the name does not.
	fs.BoolVar(&o.PrefixAwareRouting, "prefix-aware-routing", false, "Experimental: route by prefix-cache hits.")
	// flags/experimental-default-on: an experimental switch that is on by default.
	fs.BoolVar(&o.ExperimentalFlowControl, "experimental-flow-control", true, "Queue requests in the flow-control layer.")
	// flags/experimental-untested: no test mentions --experimental-kv-events (main_test.go covers the others).
	fs.Bool("experimental-kv-events", false, "Publish KV-cache events.")
	// Fine: a tuning parameter of an experimental feature, and a plain flag that is on by default.
	fs.Int("experimental-chunk-budget", 256, "Token budget per chunk.")
	fs.Bool("tracing", true, "Emit traces.")
}

func main() {
	o := NewOptions()
	o.AddFlags(pflag.CommandLine)
	pflag.Parse()
}
