using TradingBot.Acceptance.LivingDocumentation;

// Usage:
//   catalog <run.ndjson> <catalog.md> [link-to-repository-root]   writes the step catalog
//   summary <run.ndjson>                                          prints passed/failed/skipped per feature
//   coverage <coverage.cobertura.xml>                             prints the line and branch coverage
if (args is ["catalog", var ndjson, var output, ..])
{
    var markdown = StepCatalogMarkdown.Write(StepCatalog.Build(CucumberRun.Read(ndjson)), Path.GetFileName(ndjson), args.Length > 3 ? args[3] : "../");
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
    await File.WriteAllTextAsync(output, markdown);
    return 0;
}

if (args is ["summary", var ndjsonPath])
{
    Console.WriteLine(RunSummary.Build(CucumberRun.Read(ndjsonPath)));
    return 0;
}

if (args is ["coverage", var coberturaPath])
{
    Console.WriteLine(CoverageSummary.Read(coberturaPath));
    return 0;
}

await Console.Error.WriteLineAsync(
    "usage: catalog <run.ndjson> <catalog.md> [link-to-repository-root] | summary <run.ndjson> | coverage <coverage.cobertura.xml>");
return 2;
