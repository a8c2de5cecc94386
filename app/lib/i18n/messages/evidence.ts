/** Italian, part "evidence": the figures from the observations an idea cites (its form and its page). */
export const evidenceMessages = {
  "evidence.title": "Dati a sostegno dell'idea",
  "evidence.noValue": "meno di 5 casi",
  "evidence.basis": "(su {n} casi)",
  "evidence.asOf": "Dato al {date}",
  "evidence.source": "Fonte: {source}",
  "evidence.measure.waitMedian": "Attesa mediana",
  "evidence.measure.waitP90": "Attesa al 90° percentile",
  "evidence.measure.serviceMedian": "Servizio mediano",
  "evidence.measure.firstCounter": "Risolti al primo sportello",
  "evidence.measure.satisfied": "Cittadini soddisfatti (4–5)",
} as const;
