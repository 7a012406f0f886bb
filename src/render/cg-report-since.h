/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-report-since.h: the results report's "Since last time" pages.
 *
 * Drawn when the session is being compared with an earlier one
 * (cg_compare_set_earlier()): what moved per item, the lessons before and
 * after with the radar's earlier line dashed, the role flags resolved and
 * new, how much each partner's answers changed, and what did not match.
 */
#pragma once

#include "cg-chart-radar.h"
#include "cg-compare.h"
#include "cg-page-layout.h"

G_BEGIN_DECLS

void cg_report_add_since (CgPageLayout *doc, CgSession *session, CgComparison *comparison);
/* "Since 20 November 2025" (or the earlier title when it has no date). */
char *cg_report_since_title (const CgComparison *comparison);
/* The radar's name for the earlier group line: "Group, 20 November 2025". */
char *cg_report_since_group_label (const CgComparison *comparison);

/* The earlier group line for @session's radar, from the session it is
 * compared with (cg_compare_get_earlier()): FALSE when there is none.
 * @out->label points into *@label, which the caller frees. */
gboolean cg_report_since_radar (CgSession *session, CgRadarEarlier *out, char **label);

G_END_DECLS
