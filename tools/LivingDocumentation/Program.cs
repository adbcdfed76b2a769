using TradingBot.Acceptance.LivingDocumentation;

// Usage:
//   catalog <run.ndjson> <catalog.md> [link-to-repository-root]   writes the step catalog, and beside it as .html
//   summary <run.ndjson>                                          prints passed/failed/skipped per feature
//   coverage <coverage.cobertura.xml>                             prints the line and branch coverage
if (args is ["catalog", var ndjson, var output, ..])
{
    var catalog = StepCatalog.Build(CucumberRun.Read(ndjson));
    var featuresLink = args.Length > 3 ? args[3] : "../";
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
    await File.WriteAllTextAsync(output, StepCatalogMarkdown.Write(catalog, Path.GetFileName(ndjson), featuresLink));
    await File.WriteAllTextAsync(Path.ChangeExtension(output, ".html"), StepCatalogHtml.Write(catalog, Path.GetFileName(ndjson), featuresLink));
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
