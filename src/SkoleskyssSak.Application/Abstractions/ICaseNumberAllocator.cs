using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Application.Abstractions;

/// <summary>
/// Hands out the next case number of a municipality and year (2026/00042). Runs in the caller's transaction:
/// if the submission rolls back, so does the number, so numbers have no gaps.
/// </summary>
public interface ICaseNumberAllocator
{
    Task<CaseNumber> NextAsync(string municipalityNumber, int year, CancellationToken cancellationToken);
}
