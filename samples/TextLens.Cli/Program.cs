using TextLens.Cli;

return await TextLensCli.RunAsync(args, Console.Out, Console.Error);
