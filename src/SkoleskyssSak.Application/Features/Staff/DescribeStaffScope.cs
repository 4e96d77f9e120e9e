using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;

namespace SkoleskyssSak.Application.Features.Staff;

/// <summary>What a staff member's role applies to: a school, an appeal body, or a municipality.</summary>
public sealed record DescribeStaffScopeQuery(string? MunicipalityNumber, Guid? SchoolId, string? AppealBodyCode) : IQuery<string?>;

public sealed class DescribeStaffScopeHandler(IApplicationDbContext db) : IQueryHandler<DescribeStaffScopeQuery, string?>
{
    /// <summary>The most specific scope by name, e.g. "Førde barneskule", "Statsforvaltaren i Vestland", "Melhus kommune".</summary>
    public async ValueTask<string?> Handle(DescribeStaffScopeQuery query, CancellationToken cancellationToken)
    {
        if (query.SchoolId is { } schoolId)
        {
            var school = await db.Schools.AsNoTracking().Where(s => s.Id == schoolId).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);
            if (school is not null)
            {
                return school;
            }
        }

        if (query.AppealBodyCode is { } code)
        {
            var body = await db.AppealBodies.AsNoTracking().Where(b => b.Code == code).Select(b => b.Name).FirstOrDefaultAsync(cancellationToken);
            if (body is not null)
            {
                return body;
            }
        }

        if (query.MunicipalityNumber is { } number)
        {
            var municipality = await db.Municipalities.AsNoTracking().Where(m => m.Number == number).Select(m => m.Name).FirstOrDefaultAsync(cancellationToken);
            if (municipality is not null)
            {
                return municipality + " kommune";
            }
        }

        return null;
    }
}
