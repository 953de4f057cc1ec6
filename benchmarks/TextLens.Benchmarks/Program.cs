using BenchmarkDotNet.Running;

// One suite: pick benchmarks with --filter, e.g. --filter '*Parse*'. See benchmarks/README.md.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
