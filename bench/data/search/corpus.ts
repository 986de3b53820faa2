/**
 * The retrieval-evaluation corpus: short brand guidelines, campaign briefs and research notes
 * for twelve fictional brands, written from templates with controlled variation, and the
 * labelled queries. Labels come from the facts each document was generated from, never from
 * a search run. See README.md beside this file.
 */
import { BRANDS, type Brand } from "./brands";

export interface EvalDocument {
  id: string;
  title: string;
  kind: "guideline" | "brief" | "research";
  brand: string;
  text: string;
}

export interface EvalQuery {
  id: string;
  /** lexical: the query reuses the document's words; paraphrase: other forms, word order and partly other words; typo: misspelt. */
  style: "lexical" | "paraphrase" | "typo";
  text: string;
  relevant: string[];
}

function guideline(b: Brand): EvalDocument {
  return {
    id: `${b.slug}-guideline`,
    title: `${b.name} brand guidelines`,
    kind: "guideline",
    brand: b.name,
    text:
      `${b.name} brand guidelines. These rules apply to every asset produced for ${b.name}, a ${b.sector} company. ` +
      `The primary colour is ${b.colour}; use it for backgrounds and call-to-action buttons, never for body text. ` +
      `Headlines are set in ${b.typeface}, body copy in a neutral sans serif. ` +
      `Keep clear space around the logo equal to the height of the wordmark, and never stretch or recolour the logo. ` +
      `Our tone of voice is ${b.tone}. Photography shows real customers in natural light.`,
  };
}

function brief(b: Brand): EvalDocument {
  return {
    id: `${b.slug}-brief`,
    title: `${b.name} ${b.month} campaign brief`,
    kind: "brief",
    brand: b.name,
    text:
      `Campaign brief: ${b.name} ${b.product}. The campaign launches in ${b.month} and introduces the ${b.product} to ${b.audience}. ` +
      `The main channel is ${b.channel}, supported by retail partners. ` +
      `Key message: the ${b.product} fits the everyday routine of ${b.audience}. ` +
      `Deliverables include three hero visuals, a short video and social cut-downs. ` +
      `Success is measured by awareness lift and trial among ${b.audience}.`,
  };
}

function research(b: Brand): EvalDocument {
  return {
    id: `${b.slug}-research`,
    title: `${b.name} research note`,
    kind: "research",
    brand: b.name,
    text:
      `Research note for ${b.name}. Method: ${b.method} with ${b.sample} participants in the ${b.sector} market. ` +
      `Main finding: ${b.finding}. ` +
      `Participants compared the ${b.product} with competitors and described their buying decisions. ` +
      `Recommendation: reflect this insight in messaging and in the next product iteration.`,
  };
}

/** Near-duplicates of the guidelines: an archived earlier version, the decoy that makes ranking matter. */
function archivedGuideline(b: Brand): EvalDocument {
  return {
    id: `${b.slug}-guideline-2019`,
    title: `${b.name} brand guidelines (2019, archived)`,
    kind: "guideline",
    brand: b.name,
    text:
      `Archived 2019 edition of the ${b.name} identity manual, replaced by the current guidelines. ` +
      `It covered stationery, signage and trade show stands for the ${b.sector} business. ` +
      `Most rules about stationery and signage no longer apply.`,
  };
}

/** Shares the brief's product, channel and month but answers none of the labelled questions. */
function socialCalendar(b: Brand): EvalDocument {
  return {
    id: `${b.slug}-calendar`,
    title: `${b.name} social calendar`,
    kind: "brief",
    brand: b.name,
    text:
      `Social posting calendar for ${b.name}. Posts go out on Tuesdays and Fridays from ${b.month}. ` +
      `Community managers reply to comments within four hours and escalate complaints about the ${b.product} to customer care.`,
  };
}

/** Shares the research vocabulary (participants, market) with another subject. */
function competitorReview(b: Brand): EvalDocument {
  return {
    id: `${b.slug}-competitors`,
    title: `${b.name} competitor review`,
    kind: "research",
    brand: b.name,
    text:
      `Competitor review for ${b.name}: pricing and distribution of five rivals in ${b.sector}. ` +
      `No participants were recruited; the analysts used public price lists and store visits.`,
  };
}

export const DOCUMENTS: EvalDocument[] = BRANDS.flatMap((b) => [
  guideline(b),
  brief(b),
  research(b),
  archivedGuideline(b),
  socialCalendar(b),
  competitorReview(b),
]);

function misspell(word: string): string {
  // Deterministic typo: swap the two letters after the first.
  return word.length < 5 ? word : `${word[0]}${word[2]}${word[1]}${word.slice(3)}`;
}

function queriesFor(b: Brand): EvalQuery[] {
  const first = b.name.split(" ")[0]!;
  return [
    { id: `${b.slug}-q-colour`, style: "lexical", text: `${b.name} primary colour`, relevant: [`${b.slug}-guideline`] },
    {
      id: `${b.slug}-q-launch`,
      style: "lexical",
      text: `${b.product} campaign launch ${b.month}`,
      relevant: [`${b.slug}-brief`],
    },
    { id: `${b.slug}-q-finding`, style: "lexical", text: `${b.method} main finding`, relevant: [`${b.slug}-research`] },
    {
      id: `${b.slug}-q-logo-para`,
      style: "paraphrase",
      text: `how should ${first} designers treat logos and headline typography`,
      relevant: [`${b.slug}-guideline`],
    },
    {
      id: `${b.slug}-q-audience-para`,
      style: "paraphrase",
      text: `launching ${first} campaigns aimed at ${b.audience.split(" ").at(-1)}`,
      relevant: [`${b.slug}-brief`],
    },
    {
      id: `${b.slug}-q-typo`,
      style: "typo",
      text: `${misspell(first)} reserach participnats`,
      relevant: [`${b.slug}-research`],
    },
  ];
}

export const QUERIES: EvalQuery[] = BRANDS.flatMap(queriesFor);
