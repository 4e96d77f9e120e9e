using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(SkoleskyssSak.Benchmarks.RuleEngineBenchmarks).Assembly).Run(args);
