/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-charter-content.h: what the charter says, drawn from the session.
 *
 * Each charter field the facilitator has not written (NULL in the session)
 * is generated from the session and its analysis; the charter stage shows
 * the same text in its editor, so what is printed is what was seen.
 */
#pragma once

#include <glib.h>
#include "cg-session.h"

G_BEGIN_DECLS

/* Translated section title of a field: "Purpose", "Ground rules"... */
const char *cg_charter_field_get_title (CgCharterField field);

/* Text generated from the session for @field (what a NULL field shows). */
char *cg_charter_generate_text (CgSession *session, CgCharterField field);
/* The facilitator's own text when written, the generated text otherwise. */
char *cg_charter_dup_text (CgSession *session, CgCharterField field);

/* Ids of the aims marked agreed, most important first (mean importance
 * rating, descending; unrated aims last; ties keep the aims' order). */
GArray *cg_charter_get_agreed_aims (CgSession *session);

/* The Accountable partner the charter names for @task_id: the facilitator's
 * settled choice, or else the one partner who claimed it. 0 when the room
 * left it open (nobody, or several, claimed it). */
guint cg_charter_get_accountable (CgSession *session, guint task_id);

/* Partner names joined for a sentence: "Ana, Ben and Chloe". */
char *cg_charter_join_partner_names (CgSession *session, const GArray *partner_ids);
/* The same for a table cell: past @max names, the first @max and how many
 * others ("Ana, Ben and 58 others"). */
char *cg_charter_join_partner_names_max (CgSession *session, const GArray *partner_ids, guint max);

/* "2026-11-22" as people read it ("22 November 2026"); NULL if not a date. */
char *cg_charter_format_date (const char *iso_date);

G_END_DECLS
