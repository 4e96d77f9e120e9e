using System.Diagnostics.CodeAnalysis;

namespace SkoleskyssSak.Application.Common;

/// <summary>What every result of a use case can say: whether it failed, and why.</summary>
public interface ICommandResult
{
    /// <summary>Null when the command did what it was asked.</summary>
    Failure? Failure { get; }
}

/// <typeparam name="TSelf">The result type itself, so the pipeline (validation) can make a failed one.</typeparam>
public interface ICommandResult<TSelf> : ICommandResult
    where TSelf : ICommandResult<TSelf>
{
    static abstract TSelf Failed(Failure failure);
}

/// <summary>The result of a command with nothing to give back but success or a <see cref="Common.Failure"/>.</summary>
public sealed class CommandResult : ICommandResult<CommandResult>
{
    private CommandResult(Failure? failure) => Failure = failure;

    public static CommandResult Ok { get; } = new(null);

    public Failure? Failure { get; }

    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsOk => Failure is null;

    public static CommandResult Failed(Failure failure) => new(failure ?? throw new ArgumentNullException(nameof(failure)));

    public static implicit operator CommandResult(Failure failure) => Failed(failure);

    public override string ToString() => Failure?.ToString() ?? "Ok";
}

/// <summary>The result of a command that gives back a <typeparamref name="T"/> on success, or a <see cref="Common.Failure"/>.</summary>
[SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Failed implements ICommandResult's static abstract factory; Ok is its counterpart.")]
public sealed class CommandResult<T> : ICommandResult<CommandResult<T>>
    where T : notnull
{
    private readonly T? value;

    private CommandResult(T? value, Failure? failure)
    {
        this.value = value;
        Failure = failure;
    }

    public Failure? Failure { get; }

    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsOk => Failure is null;

    /// <summary>The value of a successful result; reading it on a failed one is a programming error.</summary>
    public T Value => IsOk ? value! : throw new InvalidOperationException($"The command failed ({Failure}); it has no value.");

    public static CommandResult<T> Ok(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static CommandResult<T> Failed(Failure failure) => new(default, failure ?? throw new ArgumentNullException(nameof(failure)));

    public static implicit operator CommandResult<T>(T value) => Ok(value);

    public static implicit operator CommandResult<T>(Failure failure) => Failed(failure);

    public override string ToString() => Failure?.ToString() ?? $"Ok({value})";
}
