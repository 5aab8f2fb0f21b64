import { createRouter, createWebHashHistory } from 'vue-router'

// Hash history: the built app works from any static folder or file server without rewrites.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'overview', component: () => import('../pages/OverviewPage.vue') },
    { path: '/schedule', name: 'schedule', component: () => import('../pages/SchedulePage.vue') },
    { path: '/reduction', name: 'reduction', component: () => import('../pages/ReductionPage.vue') },
    { path: '/evaluations', name: 'evaluations', component: () => import('../pages/EvaluationsPage.vue') },
    { path: '/applications', name: 'applications', component: () => import('../pages/ApplicationsPage.vue') },
    { path: '/departments', name: 'departments', component: () => import('../pages/DepartmentsPage.vue') },
    { path: '/ledger', name: 'ledger', component: () => import('../pages/LedgerPage.vue') },
    { path: '/settings', name: 'settings', component: () => import('../pages/SettingsPage.vue') },
    { path: '/data', name: 'data', component: () => import('../pages/DataPage.vue') },
    { path: '/report', name: 'report', component: () => import('../pages/ReportPage.vue') },
    { path: '/notices', name: 'notices', component: () => import('../pages/NoticesPage.vue') },
    // Meeting mode: one screen of the month's story per URL, for the projector.
    { path: '/meeting/:screen?', name: 'meeting', component: () => import('../pages/MeetingPage.vue') },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
})
