// The shared machinery every feature slice uses: results and pipeline (Common), access, journal and texts of a case (Cases).
global using SkoleskyssSak.Application.Cases;
global using SkoleskyssSak.Application.Common;
