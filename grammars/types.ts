// Shapes of the vocabulary data the grammars are built from.
import type { RowVocabulary } from './match.js';

export type Version = 'V2019' | 'V2021';

export type Unit = 'yuan' | 'wanYuan';

/** One version of a section-二 table: the header that announces it and the columns of each row. */
export interface KeyedVersion {
  version: Version;
  /** Header labels that identify this version (any one is enough). */
  header: readonly string[];
  /** Column keys of each row, in print order. Rows absent here do not exist in this version. */
  columns: Readonly<Record<string, readonly string[]>>;
  /** Money columns and their unit; a cell written with another unit is converted. */
  units?: Readonly<Record<string, Unit>>;
  /** Columns whose values are signed (本年增/减). */
  signed?: readonly string[];
}

/** A table of section 二 (documents, decisions, fees): rows found by label, columns by version. */
export interface KeyedTableVocabulary {
  table: 'documents' | 'decisions' | 'fees';
  /** Captions of its blocks (`第二十条第（一）项`). */
  captions: readonly string[];
  rows: readonly RowVocabulary[];
  /** In detection order: the first whose header appears wins. */
  versions: readonly KeyedVersion[];
}
