/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-page-layout.h: a small flowing-document engine for printed pages.
 *
 * A document is built from blocks (title, headings, paragraphs, tables,
 * signature blocks, drawings), then paginated for one page size. The same
 * pages paint any cairo_t whose user space is in points with the origin at
 * the paper's top-left corner: a PDF surface, a GtkPrintContext (unit
 * points, full page) or the on-screen preview.
 *
 * Rules the pagination keeps: a heading stays with what follows it; a
 * paragraph leaves no single line alone at a page's top or bottom; a table
 * row stays whole when it fits on a page and a table repeats its header on
 * every page it continues on; a signature row is never split. Text wraps at
 * words, and inside a word when a word is wider than its column, so nothing
 * is ever clipped.
 *
 * Nothing assumes a font's metrics: the Noto asked for may be missing and
 * DejaVu or any other font take its place. Lines are measured with Pango,
 * ink and all (a glyph that hangs past its advance moves the line in), and
 * a table's columns are measured before it is laid out (see
 * cg_page_layout_begin_table ()).
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>
#include <pango/pango.h>

G_BEGIN_DECLS

typedef struct
{
  double top, right, bottom, left; /* points */
} CgPageMargins;

typedef enum {
  CG_PAPER_A4,
  CG_PAPER_LETTER,
} CgPaperSize;

/* Size of the paper in points, portrait. */
void cg_paper_size_get_size (CgPaperSize paper, double *width, double *height);
/* "a4" or "letter" (case-insensitive). */
gboolean cg_paper_size_from_string (const char *s, CgPaperSize *out);
/* The paper a locale expects: Letter in the US and Canada, A4 elsewhere. */
CgPaperSize cg_paper_size_for_locale (void);
/* Generous margins for a signed document (about 20-25 mm). */
void cg_page_margins_init_default (CgPageMargins *margins);

typedef enum {
  CG_TEXT_BODY,
  CG_TEXT_SUBTITLE,  /* under the title: muted */
  CG_TEXT_NOTE,      /* small, muted */
  CG_TEXT_LIST_ITEM, /* body text with a hanging bullet */
  CG_TEXT_KICKER,    /* a small label above the title */
} CgTextStyle;

/* Draws a figure into the box (0, 0, width, height) of @cr. */
typedef void (*CgPageDrawFunc) (cairo_t *cr, double width, double height, gpointer user_data);

#define CG_TYPE_PAGE_LAYOUT (cg_page_layout_get_type ())
G_DECLARE_FINAL_TYPE (CgPageLayout, cg_page_layout, CG, PAGE_LAYOUT, GObject)

/* @context may be NULL: the layout then makes its own, with the metrics a
 * GtkPrintContext in points has (72 dpi, metrics not hinted), so the pages
 * break the same on screen, on paper and in PDF. */
CgPageLayout *cg_page_layout_new (PangoContext *context,
                                  double page_width,
                                  double page_height,
                                  const CgPageMargins *margins);

double cg_page_layout_get_page_width (CgPageLayout *self);
double cg_page_layout_get_page_height (CgPageLayout *self);
/* The width text and drawings have: the page less its side margins. */
double cg_page_layout_get_content_width (CgPageLayout *self);
double cg_page_layout_get_content_height (CgPageLayout *self);

/* Shown at the top of every page but the first. */
void cg_page_layout_set_running_header (CgPageLayout *self, const char *text);

/* Building the document. Text is plain text (no markup). */
void cg_page_layout_add_title (CgPageLayout *self, const char *text);
void cg_page_layout_add_heading (CgPageLayout *self, const char *text);
void cg_page_layout_add_subheading (CgPageLayout *self, const char *text);
void cg_page_layout_add_paragraph (CgPageLayout *self, CgTextStyle style, const char *text);
/* Body text with a hanging @marker ("•", "3.") in the margin. */
void cg_page_layout_add_list_item (CgPageLayout *self, const char *marker, const char *text);
/* A paragraph that opens with @label in bold ("Sam Okafor  I think..."). */
void cg_page_layout_add_labelled (CgPageLayout *self, const char *label, const char *text);
/* Each non-empty line of @text becomes a paragraph; with @bullets each one
 * is a list item. */
void cg_page_layout_add_text (CgPageLayout *self, const char *text, gboolean bullets);

/* A table of @n_columns columns; @headers has n_columns strings. Rows
 * then follow, and nothing else until cg_page_layout_end_table (), which
 * measures the whole table with the fonts at hand: every column gets at
 * least its widest word, the rest of the width is shared in proportion to
 * @weights, and when the words do not fit the table's type shrinks (to
 * 75 %; beyond that words break inside). */
void cg_page_layout_begin_table (CgPageLayout *self,
                                 guint n_columns,
                                 const double *weights,
                                 const char *const *headers);
void cg_page_layout_add_row (CgPageLayout *self, const char *const *cells);
void cg_page_layout_end_table (CgPageLayout *self);

/* Signature blocks, two to a row: name, organisation, a signature line and
 * a date line. A row of blocks is never split across pages. */
void cg_page_layout_add_signatures (CgPageLayout *self,
                                    guint n,
                                    const char *const *names,
                                    const char *const *organisations);

/* A figure @height points high over the content width; never split. One
 * taller than a page is scaled down whole: @draw still gets the content
 * width and @height in its own units. */
void cg_page_layout_add_drawing (CgPageLayout *self,
                                 double height,
                                 CgPageDrawFunc draw,
                                 gpointer user_data,
                                 GDestroyNotify destroy);
void cg_page_layout_add_page_break (CgPageLayout *self);
/* The next block starts on the same page as the end of the last one. */
void cg_page_layout_keep_with_next (CgPageLayout *self);

/* Paginates (once) and answers. */
guint cg_page_layout_get_n_pages (CgPageLayout *self);
/* Paints page @page (0-based) with its running header and "Page N of M". */
void cg_page_layout_render_page (CgPageLayout *self, cairo_t *cr, guint page);
/* Writes every page to a PDF file. */
gboolean cg_page_layout_write_pdf (CgPageLayout *self, const char *path, GError **error);

G_END_DECLS
