using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Infrastructure.Persistence;

namespace SkoleskyssSak.Infrastructure.Cases;

/// <summary>
/// One atomic upsert per number: concurrent submissions in one municipality wait on the row lock of
/// (municipality, year) and each get the next number; other municipalities are not blocked.
/// </summary>
public sealed class CaseNumberAllocator(AppDbContext db) : ICaseNumberAllocator
{
    public async Task<CaseNumber> NextAsync(string municipalityNumber, int year, CancellationToken cancellationToken)
    {
        var next = await db.Database.SqlQuery<int>($"""
            INSERT INTO case_number_sequences (municipality_number, year, last_sequence)
            VALUES ({municipalityNumber}, {year}, 1)
            ON CONFLICT (municipality_number, year)
            DO UPDATE SET last_sequence = case_number_sequences.last_sequence + 1
            RETURNING last_sequence AS "Value"
            """).ToListAsync(cancellationToken);
        return CaseNumber.Create(year, next.Single());
    }
}

/// <summary>The last case number handed out per municipality and year.</summary>
public sealed class CaseNumberSequence
{
    public string MunicipalityNumber { get; set; } = string.Empty;

    public int Year { get; set; }

    public int LastSequence { get; set; }
}
