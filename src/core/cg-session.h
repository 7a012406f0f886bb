/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-session.h: the workshop session document.
 *
 * Every edit goes through a cg_session_*() setter. Each setter is one undo
 * step (cg_session_begin_group()/end_group() join several), marks the session
 * modified, and emits CgSession::changed with a detail naming what changed
 * (see CgChangeKind). Setters that are given the value already held do
 * nothing: no undo step, no signal.
 *
 * Text passed to setters is cleaned with cg_text_clean() before it is stored.
 */
#pragma once

#include <gio/gio.h>
#include "cg-types.h"

G_BEGIN_DECLS

#define CG_TYPE_SESSION (cg_session_get_type ())
G_DECLARE_FINAL_TYPE (CgSession, cg_session, CG, SESSION, GObject)

CgSession *cg_session_new (void);

/* Session details ------------------------------------------------------ */
const char *cg_session_get_detail (CgSession *self, CgDetail field); /* never NULL */
void cg_session_set_detail (CgSession *self, CgDetail field, const char *text);

/* Options and view state. Answers-hidden is an undoable edit; reveal state
 * and the current stage are saved but are not undo steps (they still mark
 * the session modified, except the current stage). */
gboolean cg_session_get_answers_hidden (CgSession *self);
void cg_session_set_answers_hidden (CgSession *self, gboolean hidden);
gboolean cg_session_get_revealed (CgSession *self, CgStage stage);
void cg_session_set_revealed (CgSession *self, CgStage stage, gboolean revealed);
/* TRUE when the answers of @stage may be shown: answers are not hidden, or
 * the stage has been revealed. */
gboolean cg_session_answers_visible (CgSession *self, CgStage stage);
CgStage cg_session_get_current_stage (CgSession *self);
void cg_session_set_current_stage (CgSession *self, CgStage stage);

/* Partners -------------------------------------------------------------- */
guint cg_session_get_n_partners (CgSession *self);
const CgPartner *cg_session_get_partner (CgSession *self, guint position);
const CgPartner *cg_session_lookup_partner (CgSession *self, guint id);
int cg_session_partner_position (CgSession *self, guint id); /* -1 if unknown */
/* Adds a partner at the end with the next colour of the palette; returns its id. */
guint cg_session_add_partner (CgSession *self,
                              const char *name,
                              const char *organisation,
                              const char *role);
void cg_session_set_partner_field (CgSession *self,
                                   guint id,
                                   CgPartnerField field,
                                   const char *text);
/* Removes the partner and every answer it gave; other partners' beliefs
 * that it is Accountable, and a charter choice of it, are cleared too. */
void cg_session_remove_partner (CgSession *self, guint id);
void cg_session_move_partner (CgSession *self, guint id, guint new_position);
/* The accessible palette partners' colours are drawn from (Okabe-Ito and
 * friends, distinguishable with the common colour-vision deficiencies). */
const char *const *cg_session_get_palette (guint *n_colours);

/* Lessons --------------------------------------------------------------- */
const char *cg_session_get_lesson_intro (CgSession *self, guint lesson);
void cg_session_set_lesson_intro (CgSession *self, guint lesson, const char *text);
/* Discussion prompts: a NULL-terminated array (owned by the session). */
const char *const *cg_session_get_lesson_prompts (CgSession *self, guint lesson);
void cg_session_set_lesson_prompts (CgSession *self, guint lesson, const char *const *prompts);

/* Statements (per lesson) and aims: rated items ---------------------------- */
guint cg_session_get_n_statements (CgSession *self, guint lesson);
const CgItem *cg_session_get_statement (CgSession *self, guint lesson, guint position);
guint cg_session_add_statement (CgSession *self, guint lesson, const char *text);
guint cg_session_get_n_aims (CgSession *self);
const CgItem *cg_session_get_aim (CgSession *self, guint position);
guint cg_session_add_aim (CgSession *self, const char *text);
const CgItem *cg_session_lookup_item (CgSession *self, guint id);
int cg_session_item_position (CgSession *self, guint id); /* in its list; -1 if unknown */
void cg_session_set_item_text (CgSession *self, guint id, const char *text);
void cg_session_set_aim_agreed (CgSession *self, guint id, gboolean agreed);
/* Removes the item and every rating of it. */
void cg_session_remove_item (CgSession *self, guint id);
void cg_session_move_item (CgSession *self, guint id, guint new_position);

/* Role-clarity tasks ------------------------------------------------------- */
guint cg_session_get_n_tasks (CgSession *self);
const CgTask *cg_session_get_task (CgSession *self, guint position);
const CgTask *cg_session_lookup_task (CgSession *self, guint id);
int cg_session_task_position (CgSession *self, guint id);
guint cg_session_add_task (CgSession *self, const char *text);
void cg_session_set_task_text (CgSession *self, guint id, const char *text);
/* Removes the task and every partner's answer about it. */
void cg_session_remove_task (CgSession *self, guint id);
void cg_session_move_task (CgSession *self, guint id, guint new_position);
/* partner_id 0 = not settled. */
void cg_session_set_task_charter_accountable (CgSession *self, guint task_id, guint partner_id);

/* Answers ------------------------------------------------------------------ */
CgRating cg_session_get_rating (CgSession *self, guint partner_id, guint item_id);
void cg_session_set_rating (CgSession *self, guint partner_id, guint item_id, CgRating rating);
const char *cg_session_get_comment (CgSession *self,
                                    guint partner_id,
                                    guint lesson); /* never NULL */
void cg_session_set_comment (CgSession *self, guint partner_id, guint lesson, const char *text);
CgInvolvement cg_session_get_involvement (CgSession *self, guint partner_id, guint task_id);
void cg_session_set_involvement (CgSession *self,
                                 guint partner_id,
                                 guint task_id,
                                 CgInvolvement inv);
/* Which partner @partner_id believes is Accountable for @task_id; 0 = none named. */
guint cg_session_get_believed_accountable (CgSession *self, guint partner_id, guint task_id);
void cg_session_set_believed_accountable (CgSession *self,
                                          guint partner_id,
                                          guint task_id,
                                          guint accountable_id);

/* Counting answers, for completion marks ("12 of 16 answers"). A rating of
 * don't-know counts as answered. For roles, a partner's answer for a task
 * counts when its own involvement is set. */
void cg_session_count_answers (CgSession *self, CgStage stage, guint *answered, guint *total);

/* How many partners gave at least one answer on the stage named @stage_id
 * ("lesson-1", "aims", "roles"; see cg_stage_to_string()): a rating, don't
 * know included, or a comment on a lesson; a rating of an aim; an own
 * involvement or a believed Accountable on a task. 0 for other stages. */
guint cg_session_count_answered_partners (CgSession *self, const char *stage_id);

/* Charter ------------------------------------------------------------------ */
const char *cg_session_get_charter_field (CgSession *self,
                                          CgCharterField field); /* NULL = not written */
void cg_session_set_charter_field (CgSession *self, CgCharterField field, const char *text);

/* Rounds ------------------------------------------------------------------- */
/* The earlier session this one is a new round of (NULL: none). Set by New
 * Round and by loaders; not an undo step (nobody edits it by hand), but it
 * marks the session modified when it changes. */
const CgBaseline *cg_session_get_baseline (CgSession *self);
void cg_session_set_baseline (CgSession *self, const CgBaseline *baseline);
/* A new round of @earlier: the same details, options (answers hidden),
 * partners, lesson texts, statements, aims and tasks, with the same ids;
 * no answers, no comments, no charter text, nothing revealed, no aim marked
 * agreed and no Accountable settled (those are the new round's to decide).
 * Its baseline names @earlier: @file_name (the base name is kept) and the
 * SHA-256 of @file_bytes, the earlier file as it is on disk. The new
 * session is unmodified and has no file. */
CgSession *cg_session_new_round (CgSession *earlier, const char *file_name, GBytes *file_bytes);

/* Role suggestions for the Partners stage (from the template). */
const char *const *cg_session_get_role_suggestions (CgSession *self);
void cg_session_set_role_suggestions (CgSession *self, const char *const *roles);
/* Groups to offer for a partner: the usual sectors (Health, Social care,
 * Housing, Education, Voluntary sector, Service user; translated), then the
 * other groups the session's partners already have, each once (ignoring
 * case). NULL-terminated; free with g_strfreev(). */
char **cg_session_dup_group_suggestions (CgSession *self);

/* Undo and the modified flag ----------------------------------------------- */
gboolean cg_session_can_undo (CgSession *self);
gboolean cg_session_can_redo (CgSession *self);
gboolean cg_session_undo (CgSession *self);
gboolean cg_session_redo (CgSession *self);
/* Groups several edits into one undo step; groups nest. */
void cg_session_begin_group (CgSession *self);
void cg_session_end_group (CgSession *self);
/* As begin_group, and the step gets a name for people ("Answer from Helen
 * Carter"); inside an open group the outer group's name (or none) stays. */
void cg_session_begin_labelled_group (CgSession *self, const char *label);
/* The name of the step undo (redo) would take, NULL if unnamed or none. */
const char *cg_session_get_undo_label (CgSession *self);
const char *cg_session_get_redo_label (CgSession *self);
/* Undo fence: while it is up, undo never takes back a step made before it
 * went up, and redo only replays steps undone since (private entry: the
 * partner holding the laptop can take back their own answers, never the
 * room's). Raising it again moves it to the history's present depth. */
void cg_session_set_undo_fence (CgSession *self, gboolean fenced);
gboolean cg_session_get_undo_fence (CgSession *self);
/* Forget the undo history (after loading). */
void cg_session_clear_history (CgSession *self);
gboolean cg_session_get_modified (CgSession *self);
/* Called after a successful save, or to mark a fresh session unmodified. */
void cg_session_set_unmodified (CgSession *self);

/* Where the session was loaded from or saved to (NULL for a new session),
 * and the etag it had then. */
GFile *cg_session_get_file (CgSession *self);
void cg_session_set_file (CgSession *self, GFile *file);
const char *cg_session_get_etag (CgSession *self);
void cg_session_set_etag (CgSession *self, const char *etag);

/* TRUE when both sessions hold the same document (ids, text, answers,
 * options, charter); ignores history, file and modified flag. */
gboolean cg_session_equal (CgSession *a, CgSession *b);

G_END_DECLS
