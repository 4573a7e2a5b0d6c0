import { BrowserRouter, Route, Routes } from 'react-router'
import { Layout } from './layout/layout.js'
import { HomePage } from './pages/home-page.js'
import { NotFoundPage } from './pages/not-found-page.js'
import { SignInPage } from './pages/sign-in-page.js'

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<HomePage />} />
          <Route path="sign-in" element={<SignInPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  )
}
