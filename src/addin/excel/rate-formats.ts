/**
 * Queues the look of a column of rates: PHU's previous rules on it are
 * cleared first (the column is PHU's own), then a red-yellow-green colour
 * scale and a data bar, as the files PHU writes have them. Re-running
 * replaces them instead of piling rules up.
 */
export function queueRateFormats(range: Excel.Range): void {
  const formats = range.conditionalFormats;
  formats.clearAll();
  const scale = formats.add('ColorScale');
  scale.colorScale.criteria = {
    minimum: { type: 'LowestValue', color: '#F8696B' },
    midpoint: { type: 'Percentile', formula: '50', color: '#FFEB84' },
    maximum: { type: 'HighestValue', color: '#63BE7B' },
  };
  const bar = formats.add('DataBar');
  bar.dataBar.barDirection = 'LeftToRight';
}
