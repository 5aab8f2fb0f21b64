import { createRouter, createWebHashHistory } from 'vue-router'

// Hash history: the built app works from any static folder or file server without rewrites.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'overview', component: () => import('../pages/OverviewPage.vue') },
    { path: '/data', name: 'data', component: () => import('../pages/DataPage.vue') },
    { path: '/report', name: 'report', component: () => import('../pages/ReportPage.vue') },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
})
