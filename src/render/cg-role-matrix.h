/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-role-matrix.h: role clarity as a table, tasks x partners.
 *
 * Each cell holds the partner's own RACI letter; the last column flags the
 * task in words on a coloured chip ("Gap", "Overlap", "No doer", "Mismatch",
 * or "Clear"); a last row counts the tasks each partner leads. Partner names
 * head the columns, wrapped; when one has to be cut, the columns show tags
 * and a full-name legend follows the table. If the role answers are hidden,
 * the matrix says so and shows nothing else.
 */
#pragma once

#include "cg-chart-style.h"

G_BEGIN_DECLS

void cg_role_matrix_draw (
  cairo_t *cr, double width, double height, CgSession *session, const CgChartStyle *style);
double cg_role_matrix_get_height_for_width (CgSession *session,
                                            double width,
                                            const CgChartStyle *style);
/* Part of the matrix, for pages: tasks first_task.. (n_tasks of them) and
 * partners first_partner.. (n_partners), each slice a whole chart with its
 * own header, leads row and legend. Counts past the end are cut. */
typedef struct
{
  guint first_task, n_tasks;
  guint first_partner, n_partners;
} CgRoleMatrixSlice;

/* @slice NULL: the whole matrix. */
void cg_role_matrix_draw_slice (cairo_t *cr,
                                double width,
                                double height,
                                CgSession *session,
                                const CgChartStyle *style,
                                const CgRoleMatrixSlice *slice);
double cg_role_matrix_get_slice_height_for_width (CgSession *session,
                                                  double width,
                                                  const CgChartStyle *style,
                                                  const CgRoleMatrixSlice *slice);
/* The most partner columns @width holds with every column wide enough for
 * its tag; at least 1. */
/* Fills @rows with the height of each of @slice's rows (n_tasks of them,
 * cut to the tasks that exist) and returns the height of the rest: the
 * header and what follows the rows. One measurement for a whole run of
 * pages, instead of one per candidate page. */
double cg_role_matrix_get_slice_rows (CgSession *session,
                                      double width,
                                      const CgChartStyle *style,
                                      const CgRoleMatrixSlice *slice,
                                      double *rows);
guint cg_role_matrix_max_partners (CgSession *session, double width, const CgChartStyle *style);

/* The cell of task @task_pos and partner @partner_pos; FALSE when it is not
 * drawn (hidden answers, or cut for space). */
gboolean cg_role_matrix_get_cell (cairo_t *cr,
                                  double width,
                                  double height,
                                  CgSession *session,
                                  const CgChartStyle *style,
                                  guint task_pos,
                                  guint partner_pos,
                                  CgRect *out);
/* The flags cell of task @task_pos. */
gboolean cg_role_matrix_get_flags (cairo_t *cr,
                                   double width,
                                   double height,
                                   CgSession *session,
                                   const CgChartStyle *style,
                                   guint task_pos,
                                   CgRect *out);
char *cg_role_matrix_describe (CgSession *session);

/* The task's flags in words, e.g. "Gap, No doer"; "Clear" when none. */
char *cg_role_matrix_flags_text (const CgTaskStats *stats);

G_END_DECLS
