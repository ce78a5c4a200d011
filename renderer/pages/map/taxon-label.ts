/** "Vulpes vulpes (red fox)": the scientific name first, the common name in the user's language beside it. */
export function taxonLabel(taxon: string, names: Record<string, string | null> | undefined): string {
  const scientific = taxon.replace(/^species:|^class:/, '');
  const common = names?.[taxon];
  return common ? `${scientific} (${common})` : scientific;
}
