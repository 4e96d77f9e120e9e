using BenchmarkDotNet.Running;

// "letters" is a throughput run of the PDF letters (issue 5); everything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "letters")
{
    return await SkoleskyssSak.Benchmarks.LetterThroughput.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(SkoleskyssSak.Benchmarks.RuleEngineBenchmarks).Assembly).Run(args);
return 0;
