using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Application.Tests.Features.Rulebooks;

/// <summary>
/// What Melhus' and Rana's Tabell 1 have in common (same columns, same cell vocabulary): the column grades,
/// the cell readings and the leg builders their table-driven tests use.
/// </summary>
internal static class Tabell1
{
    public static readonly string[] Columns = ["1", "2-4", "5-7", "8-10"];

    /// <summary>Every row × column of a published table as test cases (row number, column, cell).</summary>
    public static TheoryData<int, string, string> Cells(string[][] published)
    {
        var data = new TheoryData<int, string, string>();
        for (var row = 1; row <= published.Length; row++)
        {
            for (var column = 0; column < Columns.Length; column++)
            {
                data.Add(row, Columns[column], published[row - 1][column]);
            }
        }

        return data;
    }

    public static TheoryData<int> RowNumbers(int count)
    {
        var data = new TheoryData<int>();
        for (var row = 1; row <= count; row++)
        {
            data.Add(row);
        }

        return data;
    }

    /// <summary>"Ja" → year-round, "Nei" → none, "Nei *" → winter transport may be considered (the table's footnote).</summary>
    public static TransportOutcome Outcome(string cell) => cell switch
    {
        "Ja" => TransportOutcome.YearRound,
        "Nei" => TransportOutcome.None,
        "Nei *" => TransportOutcome.ConsiderWinter,
        _ => throw new ArgumentOutOfRangeException(nameof(cell), cell, "Not a Tabell 1 cell."),
    };

    /// <summary>The column's representative grade first, then its edges.</summary>
    public static int[] Grades(string column) => column switch
    {
        "1" => [1],
        "2-4" => [3, 2, 4],
        "5-7" => [6, 5, 7],
        "8-10" => [9, 8, 10],
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, "Not a Tabell 1 column."),
    };

    public static RouteLeg Along(RoadCategory road, int speed, PedestrianFacility facility) =>
        new(LegKind.Along, road, speed, PedestrianFacility: facility);

    public static RouteLeg Crossing(RoadCategory road, int? speed, CrossingFacility facility) =>
        new(LegKind.Crossing, road, speed, CrossingFacility: facility);

    public static RouteLeg Railway(bool secured) => new(LegKind.RailwayCrossing, Secured: secured);
}
