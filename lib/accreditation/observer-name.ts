import { asc } from "drizzle-orm";
import { observers } from "@/db/schema";
import { nameSortKey } from "@/lib/name-sort-key";

/** An observer's names with their sort key: every write of the names goes through here. */
export const withNameSortKey = <Names extends { surname: string; givenNames: string }>(names: Names) => ({
  ...names,
  nameSortKey: nameSortKey(names.surname, names.givenNames),
});

/** Observers in Turkmen alphabetical order of surname and given names; the id keeps pages stable between equal names. */
export const byObserverName = [asc(observers.nameSortKey), asc(observers.id)] as const;
