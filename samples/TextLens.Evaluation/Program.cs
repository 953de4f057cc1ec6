using TextLens.Evaluation;

// textlens-eval <command> [args]: evaluations against ../shared/data. Each command is a class implementing
// IEvaluationCommand anywhere in this project; they are found by reflection so each lives in its own folder.
var commands = typeof(IEvaluationCommand).Assembly.GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IEvaluationCommand).IsAssignableFrom(t))
    .Select(t => (IEvaluationCommand)Activator.CreateInstance(t)!)
    .OrderBy(c => c.Name, StringComparer.Ordinal)
    .ToList();

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("usage: textlens-eval <command> [options]");
    foreach (var c in commands)
    {
        Console.WriteLine($"  {c.Name,-24} {c.Description}");
    }

    return args.Length == 0 ? 2 : 0;
}

var command = commands.Find(c => string.Equals(c.Name, args[0], StringComparison.Ordinal));
if (command is null)
{
    await Console.Error.WriteLineAsync($"textlens-eval: unknown command '{args[0]}'. Run with --help for the list.");
    return 2;
}

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
return await command.RunAsync(args.Skip(1).ToList(), cts.Token);
