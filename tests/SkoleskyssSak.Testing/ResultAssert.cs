using SkoleskyssSak.Application.Common;
using Xunit;

namespace SkoleskyssSak.Testing;

/// <summary>Assertions on a command's result (<see cref="CommandResult"/>, <see cref="CommandResult{T}"/>): done, or which failure.</summary>
public static class ResultAssert
{
    /// <summary>The command did what it was asked.</summary>
    public static void Ok(CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Assert.True(result.IsOk, result.ToString());
    }

    /// <summary>The command did what it was asked; its value.</summary>
    public static T Ok<T>(CommandResult<T> result)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(result);
        Assert.True(result.IsOk, result.ToString());
        return result.Value;
    }

    /// <summary>The command failed with a <typeparamref name="TFailure"/>; that failure.</summary>
    public static TFailure Fails<TFailure>(ICommandResult result)
        where TFailure : Failure
    {
        ArgumentNullException.ThrowIfNull(result);
        return Assert.IsType<TFailure>(result.Failure);
    }
}
