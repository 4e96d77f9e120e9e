namespace SkoleskyssSak.Domain.Municipalities;

/// <summary>A school in a municipality; <see cref="IsPrivate"/> schools have the ministry as appeal body (privatskolelova § 3-7).</summary>
public sealed class School
{
    private School()
    {
        MunicipalityNumber = string.Empty;
        Name = string.Empty;
    }

    public School(Guid id, string municipalityNumber, string name, int lowestGrade, int highestGrade, bool isPrivate)
    {
        if (lowestGrade is < 1 or > 10 || highestGrade is < 1 or > 10 || lowestGrade > highestGrade)
        {
            throw new ArgumentOutOfRangeException(nameof(lowestGrade), "Grades run from 1 to 10.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        MunicipalityNumber = municipalityNumber;
        Name = name;
        LowestGrade = lowestGrade;
        HighestGrade = highestGrade;
        IsPrivate = isPrivate;
    }

    public Guid Id { get; private set; }

    public string MunicipalityNumber { get; private set; }

    public string Name { get; private set; }

    public int LowestGrade { get; private set; }

    public int HighestGrade { get; private set; }

    public bool IsPrivate { get; private set; }

    public void Update(string name, int lowestGrade, int highestGrade, bool isPrivate)
    {
        if (lowestGrade is < 1 or > 10 || highestGrade is < 1 or > 10 || lowestGrade > highestGrade)
        {
            throw new ArgumentOutOfRangeException(nameof(lowestGrade), "Grades run from 1 to 10.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        LowestGrade = lowestGrade;
        HighestGrade = highestGrade;
        IsPrivate = isPrivate;
    }
}
