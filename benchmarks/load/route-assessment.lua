-- wrk script: POST the DESIGN.md §5 example (Melhus, three legs) to /api/v1/route-assessments.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[{ "municipalityNumber": "5028", "grade": 3, "date": "2027-01-10", "distanceKm": 1.8,
  "legs": [
    { "kind": "along", "roadCategory": "county", "speedLimit": 60, "aadt": 1200, "pedestrianFacility": "none",
      "walkableSideArea": "partial", "lighting": "none", "roadworks": false, "stopSightDistanceM": 60,
      "roadFunction": "main", "doubleSidedObstacle": false },
    { "kind": "crossing", "roadCategory": "european", "speedLimit": 80, "aadt": 5200, "crossingFacility": "none" },
    { "kind": "railwayCrossing", "secured": false } ] }]]

done = function(summary, latency, requests)
  io.write(string.format("requests: %d, errors: connect %d, read %d, write %d, status %d, timeout %d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
  io.write(string.format("throughput: %.0f requests/s\n", summary.requests / (summary.duration / 1e6)))
  for _, p in pairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("p%s: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
end
