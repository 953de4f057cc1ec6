namespace TextLens.Evaluation;

/// <summary>One evaluation or training command of <c>textlens-eval</c>; discovered by reflection.</summary>
internal interface IEvaluationCommand
{
    /// <summary>The command name (<c>conll-entities</c>).</summary>
    string Name { get; }

    /// <summary>One line of help.</summary>
    string Description { get; }

    /// <summary>Runs the command; returns the process exit code.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken);
}
